package org.bianmin.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN files of {@code processes/} and the Camunda Forms of {@code forms/} (packaged by
 * the build). Duplicate filtering deploys only what changed, so a restart creates no new versions.
 */
@Component
public class ResourceDeployer {

    public static final String DEPLOYMENT_NAME = "bianmin";
    private static final Logger log = LoggerFactory.getLogger(ResourceDeployer.class);
    private static final String[] PATTERNS = {
            "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"};

    private final RepositoryService repository;
    private final List<DeploymentResourceCustomizer> customizers;

    public ResourceDeployer(RepositoryService repository, List<DeploymentResourceCustomizer> customizers) {
        this.repository = repository;
        this.customizers = customizers;
    }

    public void deploy() {
        List<Resource> resources = new ArrayList<>();
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            for (String pattern : PATTERNS) {
                resources.addAll(List.of(resolver.getResources(pattern)));
            }
            if (resources.isEmpty()) {
                log.warn("No processes or forms found on the classpath");
                return;
            }
            DeploymentBuilder builder = repository.createDeployment()
                    .name(DEPLOYMENT_NAME).source("bianmin").enableDuplicateFiltering(true);
            for (Resource resource : resources) {
                byte[] content = resource.getInputStream().readAllBytes();
                for (DeploymentResourceCustomizer customizer : customizers) {
                    if (customizer.appliesTo(resource.getFilename())) {
                        content = customizer.customize(content);
                    }
                }
                builder.addString(resource.getFilename(), new String(content, java.nio.charset.StandardCharsets.UTF_8));
            }
            DeploymentWithDefinitions deployment = builder.deployWithResult();
            log.info("Deployed {} process definitions and {} resources checked (unchanged files are not redeployed)",
                    deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size(),
                    resources.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
