package dev.skein.cli.client;

import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;

/** The XRPC methods the command line calls, in one list (constants generated from the {@code com.atproto.*} lexicons). */
public final class Methods {
    public static final Nsid CREATE_ACCOUNT = ComAtproto.Server.CREATE_ACCOUNT;
    public static final Nsid CREATE_SESSION = ComAtproto.Server.CREATE_SESSION;
    public static final Nsid REFRESH_SESSION = ComAtproto.Server.REFRESH_SESSION;
    public static final Nsid CREATE_RECORD = ComAtproto.Repo.CREATE_RECORD;
    public static final Nsid PUT_RECORD = ComAtproto.Repo.PUT_RECORD;
    public static final Nsid GET_RECORD = ComAtproto.Repo.GET_RECORD;
    public static final Nsid LIST_RECORDS = ComAtproto.Repo.LIST_RECORDS;
    public static final Nsid DELETE_RECORD = ComAtproto.Repo.DELETE_RECORD;
    public static final Nsid DESCRIBE_REPO = ComAtproto.Repo.DESCRIBE_REPO;
    public static final Nsid LIST_REPOS = ComAtproto.Sync.LIST_REPOS;
    public static final Nsid GET_REPO = ComAtproto.Sync.GET_REPO;
    public static final Nsid SUBSCRIBE_REPOS = ComAtproto.Sync.SUBSCRIBE_REPOS;
    public static final Nsid RESOLVE_HANDLE = ComAtproto.Identity.RESOLVE_HANDLE;
    public static final Nsid GET_ACCOUNT_INFOS = ComAtproto.Admin.GET_ACCOUNT_INFOS;

    private Methods() {}
}
