package org.bianmin.engine;

/**
 * Completes a packaged resource before it is deployed, e.g. a form whose options come from data
 * administrators maintain. Deployment's duplicate filtering makes a new version only when the
 * result changed.
 */
public interface DeploymentResourceCustomizer {

    boolean appliesTo(String resourceName);

    byte[] customize(byte[] content);
}
