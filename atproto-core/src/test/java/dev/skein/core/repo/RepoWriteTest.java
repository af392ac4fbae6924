package dev.skein.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import org.junit.jupiter.api.Test;

class RepoWriteTest {
    private static final Nsid POST = Nsid.parse("app.bsky.feed.post");
    private static final RecordKey RKEY = RecordKey.parse("3l4iapbyr7c2k");

    @Test
    void pathIsCollectionSlashRkey() {
        RepoWrite w = new RepoWrite.Delete(POST, RKEY);
        assertThat(w.path()).isEqualTo("app.bsky.feed.post/3l4iapbyr7c2k");
        assertThat(new RepoWrite.Create(POST, RKEY, MapValue.builder().put("$type", "app.bsky.feed.post").build()).path())
                .isEqualTo(w.path());
    }

    @Test
    void recordTypeMustBeTheCollection() {
        InvalidWriteException missing = catchThrowableOfType(InvalidWriteException.class,
                () -> new RepoWrite.Create(POST, RKEY, MapValue.builder().put("text", "hi").build()));
        assertThat(missing.reason()).isEqualTo(InvalidWriteException.Reason.INVALID_RECORD_TYPE);
        assertThat(missing.path()).isEqualTo("app.bsky.feed.post/3l4iapbyr7c2k");
        InvalidWriteException other = catchThrowableOfType(InvalidWriteException.class,
                () -> new RepoWrite.Update(POST, RKEY, MapValue.builder().put("$type", "app.bsky.feed.like").build()));
        assertThat(other.reason()).isEqualTo(InvalidWriteException.Reason.INVALID_RECORD_TYPE);
    }
}
