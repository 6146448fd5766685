package org.unionhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UnionHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(UnionHubApplication.class, args);
    }
}
