package org.bianmin.identity;

import org.bianmin.support.RegisteredCases;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.bianmin.engine.V8__MaskPersonalDataInEngineTables;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Flyway migration that masks what an earlier release left in the engine's tables: values
 * written in clear (as the Tasklist intake did) are masked in place, the rest stays as it was.
 */
class MaskPersonalDataMigrationPostgresTest extends PostgresIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired RuntimeService runtime;

    @RegisterExtension
    final RegisteredCases cases = RegisteredCases.eachTest(this::send, this::endInstance);



    @Test
    void masksIdNumbersAndPhonesLeftInClearByAnEarlierRelease() throws Exception {
        String id = RegisteredCases.idNumber("11010519900307123");
        String caseNumber = cases.registerCivilCase("civil-a", DEMO_PASSWORD, RegisteredCases.idNumber("11010519900307124"),
                "13700001111");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("committed-case").singleResult().getId();
        runtime.setVariable(instance, "legacyApplicantIdNumber", "placeholder");
        String variableId = jdbc.queryForObject("select id_ from act_ru_variable where proc_inst_id_ = ? and name_ = ?",
                String.class, instance, "legacyApplicantIdNumber");
        // the rows as an earlier release stored them: in clear
        jdbc.update("update act_ru_variable set text_ = ? where id_ = ?", id, variableId);
        // (that release's history kept variables, with every value as a detail row; this one keeps neither)
        jdbc.update("insert into act_hi_varinst (id_, proc_inst_id_, name_, var_type_, rev_, text_, state_)"
                + " values (?, ?, 'legacyApplicantIdNumber', 'string', 0, ?, 'CREATED')", variableId, instance, "电话 13812345678");
        jdbc.update("insert into act_hi_varinst (id_, proc_inst_id_, name_, var_type_, rev_, text_, state_)"
                + " values (?, ?, 'itemName', 'string', 0, '临时救助申请', 'CREATED')", "legacy-item-" + variableId, instance);
        jdbc.update("insert into act_hi_detail (id_, type_, proc_inst_id_, var_inst_id_, name_, var_type_, rev_, time_, text_)"
                + " values (?, 'VariableUpdate', ?, ?, 'legacyApplicantIdNumber', 'string', 0, now(), ?)",
                "legacy-detail-" + variableId, instance, variableId, "身份证 " + id);
        String itemName = jdbc.queryForObject("select text_ from act_hi_varinst where proc_inst_id_ = ? and name_ = 'itemName' and task_id_ is null",
                String.class, instance);

        try (Connection connection = dataSource.getConnection()) {
            new V8__MaskPersonalDataInEngineTables().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        String masked = id.substring(0, 6) + "********" + id.substring(14);
        assertThat(jdbc.queryForObject("select text_ from act_ru_variable where id_ = ?", String.class, variableId))
                .isEqualTo(masked);
        assertThat(jdbc.queryForObject("select text_ from act_hi_varinst where id_ = ?", String.class, variableId))
                .isEqualTo("电话 138****5678");
        assertThat(jdbc.queryForList("select text_ from act_hi_detail where var_inst_id_ = ?", String.class, variableId))
                .isNotEmpty().containsOnly("身份证 " + masked);
        assertThat(jdbc.queryForObject("select text_ from act_hi_varinst where proc_inst_id_ = ? and name_ = 'itemName' and task_id_ is null",
                String.class, instance)).as("other values are untouched").isEqualTo(itemName);
    }
}
