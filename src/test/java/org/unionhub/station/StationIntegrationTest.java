package org.unionhub.station;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application with MockMvc against its own embedded PostgreSQL (demo data loaded). Every station test class
 * carries exactly this annotation and nothing else that shapes the context, so they all share one cached context and
 * one database cluster. Data written by one test stays for the next: tests use their own names, districts and remote
 * map areas instead of rolling back (the finder only sees committed changes).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
public @interface StationIntegrationTest {
}
