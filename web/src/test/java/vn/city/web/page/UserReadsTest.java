package vn.city.web.page;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class UserReadsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final UserReads reads = new UserReads(now::get);
    private final AtomicInteger calls = new AtomicInteger();

    private String read() {
        return "v" + calls.incrementAndGet();
    }

    @Test
    void aReadIsKeptForItsSecondsForThatUserOnly() {
        assertThat(reads.get("officer-fin", "window 2026-11", 10, this::read)).isEqualTo("v1");
        assertThat(reads.get("officer-fin", "window 2026-11", 10, this::read)).isEqualTo("v1");
        assertThat(reads.get("secretariat", "window 2026-11", 10, this::read)).as("another user").isEqualTo("v2");
        now.addAndGet(10_001);
        assertThat(reads.get("officer-fin", "window 2026-11", 10, this::read)).as("expired").isEqualTo("v3");
    }

    @Test
    void theUsersOwnChangeForgetsWhatItKeptAndOnlyThat() {
        reads.get("officer-fin", "results 2026-11", 10, this::read);
        reads.get("secretariat", "results 2026-11", 10, this::read);
        reads.forget("officer-fin");
        assertThat(reads.get("officer-fin", "results 2026-11", 10, this::read)).isEqualTo("v3");
        assertThat(reads.get("secretariat", "results 2026-11", 10, this::read)).isEqualTo("v2");
    }

    @Test
    void aReadUnderWayWhenTheUserChangesSomethingIsNotKept() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> before = CompletableFuture.supplyAsync(() -> reads.get("officer-fin", "results", 10, () -> {
            started.countDown();
            await(release);
            return "before the change";
        }));
        started.await();
        reads.forget("officer-fin");
        release.countDown();
        assertThat(before.get()).isEqualTo("before the change");
        assertThat(reads.get("officer-fin", "results", 10, () -> "after the change")).isEqualTo("after the change");
    }

    @Test
    void concurrentMissesOfOneKeyMakeOneCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger n = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> reads.get("leader", "completeness", 10, () -> {
            n.incrementAndGet();
            await(release);
            return "one";
        }));
        while (n.get() == 0) {
            Thread.onSpinWait();
        }
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> reads.get("leader", "completeness", 10, () -> {
            n.incrementAndGet();
            return "two";
        }));
        release.countDown();
        assertThat(first.get()).isEqualTo("one");
        assertThat(second.get()).isEqualTo("one");
        assertThat(n.get()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
