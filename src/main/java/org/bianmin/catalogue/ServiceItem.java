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
        List<Material> materials,
        boolean acceptOnPromise,
        boolean commitment) {

    public enum ApprovalLevel {
        CENTRE("本中心审批"), DISTRICT("报区级审批");

        private final String label;

        ApprovalLevel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Without {@code acceptOnPromise} (容缺受理) and {@code commitment} (告知承诺制): an item as the catalogue
     * listed it before those columns.
     */
    public ServiceItem(String code, String name, String department, String window, CaseType caseType, int promisedWorkingDays,
                       int statutoryWorkingDays, ApprovalLevel approvalLevel, List<String> jointDepartments, boolean onTheSpot,
                       BigDecimal fee, String legalBasis, List<Material> materials) {
        this(code, name, department, window, caseType, promisedWorkingDays, statutoryWorkingDays, approvalLevel,
                jointDepartments, onTheSpot, fee, legalBasis, materials, false, false);
    }

    public ServiceItem {
        jointDepartments = List.copyOf(jointDepartments);
        materials = List.copyOf(materials);
    }

    public Optional<Material> material(String materialCode) {
        return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }
}
