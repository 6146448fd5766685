package org.unionhub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one test configuration of the application: the whole app with MockMvc, against the embedded PostgreSQL that
 * the app starts itself (profile {@code test}: a fresh cluster under {@code target/}, demo data loaded). Every
 * integration test uses exactly this annotation and nothing else that changes the context, so Spring's context cache
 * starts PostgreSQL once for the whole suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestTree.class)
public @interface UnionHubTest {
}
