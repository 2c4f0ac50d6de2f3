package org.bianmin.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code bianmin.admin.*} and {@code bianmin.demo.*}. */
@ConfigurationProperties("bianmin")
public record IdentityProperties(Admin admin, Demo demo) {

    public record Admin(String id, String password) {
    }

    public record Demo(boolean enabled) {
    }

    public IdentityProperties {
        admin = admin == null ? new Admin("admin", null) : admin;
        demo = demo == null ? new Demo(false) : demo;
    }
}
