package dev.skein.core.mst;

import dev.skein.core.cid.Cid;
import java.util.Objects;

/**
 * A change to one key, as a diff reports it and as a firehose {@code #commit} lists it ({@code repoOp}
 * without the action string): create has the new CID, delete the previous one, update both.
 */
public sealed interface MstOp permits MstOp.Create, MstOp.Update, MstOp.Delete {
    String key();

    /** The key was absent and now maps to {@code cid}. */
    record Create(String key, Cid cid) implements MstOp {
        public Create {
            MstKey.validate(key);
            Objects.requireNonNull(cid, "cid");
        }
    }

    /** The key mapped to {@code prev} and now maps to {@code cid}. */
    record Update(String key, Cid prev, Cid cid) implements MstOp {
        public Update {
            MstKey.validate(key);
            Objects.requireNonNull(prev, "prev");
            Objects.requireNonNull(cid, "cid");
        }
    }

    /** The key mapped to {@code prev} and is now absent. */
    record Delete(String key, Cid prev) implements MstOp {
        public Delete {
            MstKey.validate(key);
            Objects.requireNonNull(prev, "prev");
        }
    }
}
