package org.openaims;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OpenAIMS, an AI Management System for ISO/IEC 42001:2023: one Spring Boot application made of
 * modules (one top-level package each) that talk through their public API and domain events.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "OpenAIMS", sharedModules = "common")
public class OpenAims {

	public static void main(String[] args) {
		SpringApplication.run(OpenAims.class, args);
	}
}
