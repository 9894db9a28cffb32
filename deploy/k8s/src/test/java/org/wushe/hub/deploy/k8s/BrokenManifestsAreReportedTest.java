package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The validation catches real mistakes: each file of src/test/resources/broken holds one, and must be reported
 * with the place it is at (and nothing else may be wrong in it, so the mistake is what was caught).
 */
class BrokenManifestsAreReportedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            deployment-replicas-string.yaml  | /spec/replicas         | integer
            kafkaconnector-missing-class.yaml | spec.class is required | spec.class
            kafka-unknown-field.yaml          | /spec/kafka             | 'replicas' is not defined
            kafkatopic-partitions-string.yaml | /spec/partitions        | integer
            container-without-name.yaml       | /spec/template/spec/containers/0 | name
            annotation-not-a-string.yaml      | /spec/template/metadata/annotations/prometheus.io~1port | string
            hpa-unknown-metric-field.yaml     | /spec/metrics/0/resource/target | averageUtilisation
            kafkauser-wrong-acl-operation.yaml | /spec/authorization/acls/0/operations/0 | enum
            unknown-kind.yaml                 | no Kubernetes or Strimzi | Deploymnet
            kafkaconnector-forbidden-config.yaml | spec.config.connector.class is not allowed | connector.class
            topic-without-cluster-label.yaml  | strimzi.io/cluster label is required | KafkaTopic
            servicemonitor-unknown-field.yaml | /spec/endpoints/0/intervall | not defined in the ServiceMonitor CRD
            prometheusrule-for-not-a-duration.yaml | /spec/groups/0/rules/0/for | not a Prometheus duration
            prometheusrule-unbalanced-expr.yaml | /spec/groups/0/rules/0/expr | unbalanced
            """)
    void isReported(String file, String where, String what) throws URISyntaxException {
        Path path = Path.of(getClass().getResource("/broken/" + file).toURI());
        List<Manifest> docs = Repo.readYaml(path);
        assertThat(docs).hasSize(1);
        List<String> problems = ManifestValidator.get().problems(docs.get(0));
        System.out.printf("%s -> %s%n", file, problems);
        assertThat(problems).as(file).hasSize(1);
        assertThat(problems.get(0)).contains(where).contains(what);
    }
}
