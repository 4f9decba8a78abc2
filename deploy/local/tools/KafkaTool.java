import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Local-stack helper (deploy/local/infra.sh): one JVM for the readiness check and all topic creations, instead of
 * one kafka-topics JVM a topic. Not part of the product.
 *
 * <pre>
 * KafkaTool bootstrap ping                               exit 0 when the broker answers (prints the cluster id)
 * KafkaTool bootstrap wait timeoutSeconds                 waits until the broker lists topics
 * KafkaTool bootstrap ensure-topics waitSeconds partitions rf topic...
 *                                                        waits for the broker, then creates the missing topics
 * </pre>
 */
public class KafkaTool {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaTool bootstrap ping|wait|ensure-topics ...");
            System.exit(64);
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "city-local-stack");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        try (Admin admin = Admin.create(p)) {
            switch (args[1]) {
                case "ping" -> {
                    DescribeClusterResult r = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2500));
                    String id = r.clusterId().get(3, TimeUnit.SECONDS);
                    int nodes = r.nodes().get(3, TimeUnit.SECONDS).size();
                    System.out.println("Kafka cluster " + id + " (" + nodes + " broker(s))");
                }
                case "wait" -> awaitTopics(admin, args[0], Long.parseLong(args[2]));
                case "ensure-topics" -> {
                    Set<String> existing = awaitTopics(admin, args[0], Long.parseLong(args[2]));
                    int partitions = Integer.parseInt(args[3]);
                    short rf = Short.parseShort(args[4]);
                    List<NewTopic> missing = new ArrayList<>();
                    for (int i = 5; i < args.length; i++) {
                        if (!existing.contains(args[i])) {
                            missing.add(new NewTopic(args[i], partitions, rf));
                        }
                    }
                    if (missing.isEmpty()) {
                        System.out.println("all " + (args.length - 5) + " topics exist");
                        return;
                    }
                    Map<String, org.apache.kafka.common.KafkaFuture<Void>> results = admin.createTopics(missing).values();
                    int failed = 0;
                    for (var e : results.entrySet()) {
                        try {
                            e.getValue().get(30, TimeUnit.SECONDS);
                            System.out.println("created topic " + e.getKey());
                        } catch (ExecutionException ex) {
                            if (!(ex.getCause() instanceof TopicExistsException)) {
                                System.err.println("could not create topic " + e.getKey() + ": " + ex.getCause());
                                failed++;
                            }
                        }
                    }
                    if (failed > 0) {
                        System.exit(1);
                    }
                }
                default -> {
                    System.err.println("unknown command " + args[1]);
                    System.exit(64);
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.err.println("Kafka at " + args[0] + ": " + e);
            System.exit(3);
        }
    }

    /** Waits until the broker lists its topics (returns them), or exits with status 1 after timeoutSeconds. */
    private static Set<String> awaitTopics(Admin admin, String bootstrap, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Exception last = null;
        do {
            try {
                return admin.listTopics(new ListTopicsOptions().timeoutMs(3000)).names().get(4, TimeUnit.SECONDS);
            } catch (Exception e) {
                last = e;
                Thread.sleep(300);
            }
        } while (System.nanoTime() < deadline);
        System.err.println("Kafka at " + bootstrap + " did not answer within " + timeoutSeconds + " s: " + last);
        System.exit(1);
        return Set.of();
    }
}
