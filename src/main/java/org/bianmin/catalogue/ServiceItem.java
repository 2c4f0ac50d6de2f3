package org.bianmin.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** One item of the service catalogue (事项目录). */
public record ServiceItem(
        String code,
        String name,
        String department,
        String window,
        CaseType caseType,
        int promisedWorkingDays,
        int statutoryWorkingDays,
        ApprovalLevel approvalLevel,
        List<String> jointDepartments,
        boolean onTheSpot,
        BigDecimal fee,
        String legalBasis,
        List<Material> materials) {

    public enum ApprovalLevel { CENTRE, DISTRICT }

    public ServiceItem {
        jointDepartments = List.copyOf(jointDepartments);
        materials = List.copyOf(materials);
    }

    public Optional<Material> material(String materialCode) {
        return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }
}
