package dev.skein.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LexiconParserTest {

    /** A schema document (single-quoted JSON) with the given defs. */
    private static String doc(String defs) {
        return ("{'lexicon': 1, 'id': 'dev.skein.test.doc', 'defs': " + defs + "}").replace('\'', '"');
    }

    /** A document whose main def is an object with one property {@code p} of this type. */
    private static String property(String type) {
        return doc("{'main': {'type': 'object', 'properties': {'p': " + type + "}}}");
    }

    static Stream<Arguments> invalid() {
        String p = "/defs/main/properties/p";
        return Stream.of(
                Arguments.of("not JSON", "{", Reason.MALFORMED, ""),
                Arguments.of("a float", doc("{'x': {'type': 'integer', 'minimum': 1.5}}"), Reason.MALFORMED, "/defs/x/minimum"),
                Arguments.of("not an object", "[]", Reason.WRONG_TYPE, ""),
                Arguments.of("no lexicon", "{'id': 'a.b.c', 'defs': {}}".replace('\'', '"'), Reason.MISSING_FIELD, ""),
                Arguments.of("version 2", doc("{}").replace("1,", "2,"), Reason.UNSUPPORTED_VERSION, "/lexicon"),
                Arguments.of("no defs", doc("{}"), Reason.EMPTY_DEFS, "/defs"),
                Arguments.of("defs not an object", doc("[]"), Reason.WRONG_TYPE, "/defs"),
                Arguments.of("bad def name", doc("{'a.b': {'type': 'token'}}"), Reason.INVALID_NAME, "/defs/a.b"),
                Arguments.of("unknown type", doc("{'x': {'type': 'float'}}"), Reason.UNKNOWN_TYPE, "/defs/x/type"),
                Arguments.of("type missing", doc("{'x': {'description': 'd'}}"), Reason.MISSING_FIELD, "/defs/x"),
                Arguments.of("named union", doc("{'x': {'type': 'union', 'refs': []}}"), Reason.NOT_DEFINABLE, "/defs/x/type"),
                Arguments.of("named params", doc("{'x': {'type': 'params', 'properties': {}}}"), Reason.NOT_DEFINABLE, "/defs/x/type"),
                Arguments.of("description not a string", doc("{'x': {'type': 'token', 'description': 3}}"), Reason.WRONG_TYPE, "/defs/x/description"),
                Arguments.of("token property", property("{'type': 'token'}"), Reason.TYPE_NOT_ALLOWED, p + "/type"),
                Arguments.of("default and const", property("{'type': 'integer', 'default': 1, 'const': 2}"), Reason.INVALID_CONSTRAINT, p + "/const"),
                Arguments.of("minimum over maximum", property("{'type': 'integer', 'minimum': 5, 'maximum': 4}"), Reason.INVALID_CONSTRAINT, p + "/maximum"),
                Arguments.of("enum of strings on integer", property("{'type': 'integer', 'enum': ['a']}"), Reason.WRONG_TYPE, p + "/enum/0"),
                Arguments.of("negative maxLength", property("{'type': 'string', 'maxLength': -1}"), Reason.INVALID_CONSTRAINT, p + "/maxLength"),
                Arguments.of("minGraphemes over max", property("{'type': 'string', 'minGraphemes': 5, 'maxGraphemes': 4}"), Reason.INVALID_CONSTRAINT, p + "/maxGraphemes"),
                Arguments.of("unknown format", property("{'type': 'string', 'format': 'email'}"), Reason.INVALID_CONSTRAINT, p + "/format"),
                Arguments.of("partial MIME glob", property("{'type': 'blob', 'accept': ['image/*', 'text/ht*']}"), Reason.INVALID_CONSTRAINT, p + "/accept/1"),
                Arguments.of("lone star accept", property("{'type': 'blob', 'accept': ['*']}"), Reason.INVALID_CONSTRAINT, p + "/accept/0"),
                Arguments.of("negative blob size", property("{'type': 'blob', 'maxSize': -1}"), Reason.INVALID_CONSTRAINT, p + "/maxSize"),
                Arguments.of("bytes min over max", property("{'type': 'bytes', 'minLength': 3, 'maxLength': 2}"), Reason.INVALID_CONSTRAINT, p + "/maxLength"),
                Arguments.of("array without items", property("{'type': 'array'}"), Reason.MISSING_FIELD, p),
                Arguments.of("array of params", property("{'type': 'array', 'items': {'type': 'params', 'properties': {}}}"), Reason.TYPE_NOT_ALLOWED, p + "/items/type"),
                Arguments.of("object without properties", doc("{'x': {'type': 'object'}}"), Reason.MISSING_FIELD, "/defs/x"),
                Arguments.of("required not a property", doc("{'x': {'type': 'object', 'required': ['a'], 'properties': {}}}"), Reason.INVALID_CONSTRAINT, "/defs/x/required/0"),
                Arguments.of("nullable not a property", doc("{'x': {'type': 'object', 'nullable': ['a'], 'properties': {}}}"), Reason.INVALID_CONSTRAINT, "/defs/x/nullable/0"),
                Arguments.of("bad ref", property("{'type': 'ref', 'ref': 'not a ref'}"), Reason.INVALID_REF, p + "/ref"),
                Arguments.of("local ref with a bad name", property("{'type': 'ref', 'ref': '#a.b'}"), Reason.INVALID_REF, p + "/ref"),
                Arguments.of("empty closed union", property("{'type': 'union', 'refs': [], 'closed': true}"), Reason.INVALID_CONSTRAINT, p + "/refs"),
                Arguments.of("union without refs", property("{'type': 'union'}"), Reason.MISSING_FIELD, p),
                Arguments.of("record key missing", doc("{'main': {'type': 'record', 'record': {'type': 'object', 'properties': {}}}}"), Reason.MISSING_FIELD, "/defs/main"),
                Arguments.of("record key unknown", doc("{'main': {'type': 'record', 'key': 'uuid', 'record': {'type': 'object', 'properties': {}}}}"), Reason.INVALID_CONSTRAINT, "/defs/main/key"),
                Arguments.of("record literal key invalid", doc("{'main': {'type': 'record', 'key': 'literal:..', 'record': {'type': 'object', 'properties': {}}}}"), Reason.INVALID_CONSTRAINT, "/defs/main/key"),
                Arguments.of("record of a string", doc("{'main': {'type': 'record', 'key': 'tid', 'record': {'type': 'string'}}}"), Reason.TYPE_NOT_ALLOWED, "/defs/main/record/type"),
                Arguments.of("query with input", doc("{'main': {'type': 'query', 'input': {'encoding': 'application/json'}}}"), Reason.TYPE_NOT_ALLOWED, "/defs/main/input"),
                Arguments.of("body without encoding", doc("{'main': {'type': 'procedure', 'input': {}}}"), Reason.MISSING_FIELD, "/defs/main/input"),
                Arguments.of("body schema a string", doc("{'main': {'type': 'query', 'output': {'encoding': 'application/json', 'schema': {'type': 'string'}}}}"), Reason.TYPE_NOT_ALLOWED, "/defs/main/output/schema/type"),
                Arguments.of("parameters not params", doc("{'main': {'type': 'query', 'parameters': {'type': 'object', 'properties': {}}}}"), Reason.TYPE_NOT_ALLOWED, "/defs/main/parameters/type"),
                Arguments.of("object parameter", doc("{'main': {'type': 'query', 'parameters': {'type': 'params', 'properties': {'o': {'type': 'object', 'properties': {}}}}}}"), Reason.TYPE_NOT_ALLOWED, "/defs/main/parameters/properties/o/type"),
                Arguments.of("array of blobs parameter", doc("{'main': {'type': 'query', 'parameters': {'type': 'params', 'properties': {'a': {'type': 'array', 'items': {'type': 'blob'}}}}}}"), Reason.TYPE_NOT_ALLOWED, "/defs/main/parameters/properties/a/type"),
                Arguments.of("error with space", doc("{'main': {'type': 'query', 'errors': [{'name': 'Bad Thing'}]}}"), Reason.INVALID_NAME, "/defs/main/errors/0/name"),
                Arguments.of("subscription without message", doc("{'main': {'type': 'subscription'}}"), Reason.MISSING_FIELD, "/defs/main"),
                Arguments.of("subscription message an object", doc("{'main': {'type': 'subscription', 'message': {'schema': {'type': 'object', 'properties': {}}}}}"), Reason.TYPE_NOT_ALLOWED, "/defs/main/message/schema/type"),
                Arguments.of("permission set without permissions", doc("{'main': {'type': 'permission-set'}}"), Reason.MISSING_FIELD, "/defs/main"),
                Arguments.of("permission of another type", doc("{'main': {'type': 'permission-set', 'permissions': [{'type': 'scope', 'resource': 'repo'}]}}"), Reason.TYPE_NOT_ALLOWED, "/defs/main/permissions/0/type"),
                Arguments.of("repo permission without collection", doc("{'main': {'type': 'permission-set', 'permissions': [{'type': 'permission', 'resource': 'repo'}]}}"), Reason.MISSING_FIELD, "/defs/main/permissions/0"),
                Arguments.of("repo permission wildcard", doc("{'main': {'type': 'permission-set', 'permissions': [{'type': 'permission', 'resource': 'repo', 'collection': ['*']}]}}"), Reason.INVALID_NSID, "/defs/main/permissions/0/collection/0"),
                Arguments.of("repo permission bad action", doc("{'main': {'type': 'permission-set', 'permissions': [{'type': 'permission', 'resource': 'repo', 'collection': ['a.b.c'], 'action': ['read']}]}}"), Reason.INVALID_CONSTRAINT, "/defs/main/permissions/0/action/0"),
                Arguments.of("rpc permission without aud", doc("{'main': {'type': 'permission-set', 'permissions': [{'type': 'permission', 'resource': 'rpc', 'lxm': ['a.b.c']}]}}"), Reason.INVALID_CONSTRAINT, "/defs/main/permissions/0"),
                Arguments.of("rpc permission with a DID aud", doc("{'main': {'type': 'permission-set', 'permissions': [{'type': 'permission', 'resource': 'rpc', 'lxm': ['a.b.c'], 'aud': 'did:web:x.com#svc'}]}}"), Reason.INVALID_CONSTRAINT, "/defs/main/permissions/0/aud"),
                Arguments.of("rpc permission all wildcards", doc("{'main': {'type': 'permission-set', 'permissions': [{'type': 'permission', 'resource': 'rpc', 'lxm': ['*'], 'aud': '*'}]}}"), Reason.INVALID_CONSTRAINT, "/defs/main/permissions/0/aud"),
                Arguments.of("title:lang with a bad tag", doc("{'main': {'type': 'permission-set', 'title:lang': {'english': 'x'}, 'permissions': []}}"), Reason.INVALID_NAME, "/defs/main/title:lang/english"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsWithPathAndRule(String name, String json, Reason reason, String path) {
        LexiconException e = catchThrowableOfType(LexiconException.class, () -> LexiconParser.parse(json));

        assertThat(e).as("rejected").isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.path()).as(e.getMessage()).isEqualTo(path);
    }

    @Test
    void readsEveryConstraintOfAString() {
        LexiconDocument doc = LexiconParser.parse(property("""
                {'type': 'string', 'description': 'd', 'format': 'at-uri', 'minLength': 1, 'maxLength': 30,
                 'minGraphemes': 2, 'maxGraphemes': 3, 'knownValues': ['a'], 'enum': ['a', 'b'], 'default': 'a'}"""));

        LexString s = (LexString) ((LexObject) doc.main().orElseThrow()).properties().get("p");
        assertThat(s).isEqualTo(new LexString(Optional.of("d"), Optional.of(StringFormat.AT_URI), Optional.of(1),
                Optional.of(30), Optional.of(2), Optional.of(3), List.of("a"), Optional.of(List.of("a", "b")),
                Optional.of("a"), Optional.empty()));
    }

    @Test
    void readsPrimaryTypes() {
        LexiconDocument doc = LexiconParser.parse(doc("""
                {'main': {'type': 'procedure', 'description': 'Does it.',
                   'parameters': {'type': 'params', 'required': ['n'], 'properties': {'n': {'type': 'integer'}}},
                   'input': {'encoding': '*/*'},
                   'output': {'encoding': 'application/json', 'schema': {'type': 'ref', 'ref': '#out'}},
                   'errors': [{'name': 'Nope', 'description': 'no'}]},
                 'out': {'type': 'object', 'properties': {}}}"""));

        LexProcedure p = (LexProcedure) doc.main().orElseThrow();
        assertThat(p.description()).contains("Does it.");
        assertThat(p.parameters().orElseThrow().required()).containsExactly("n");
        assertThat(p.input().orElseThrow()).isEqualTo(new LexBody(Optional.empty(), "*/*", Optional.empty()));
        assertThat(p.output().orElseThrow().schema()).contains(
                new LexRef(Optional.empty(), SchemaRef.parse("dev.skein.test.doc#out")));
        assertThat(p.errors()).containsExactly(new LexMethodError("Nope", Optional.of("no")));
    }

    @Test
    void readsRecordKeyTypes() {
        for (String key : List.of("tid", "nsid", "any", "literal:self")) {
            LexiconDocument doc = LexiconParser.parse(doc(
                    "{'main': {'type': 'record', 'key': '" + key + "', 'record': {'type': 'object', 'properties': {}}}}"));
            assertThat(((LexRecord) doc.main().orElseThrow()).key()).hasToString(key);
        }
        assertThat(RecordKeyType.parse("tid").accepts(RecordKey.parse("3kznmn7xqxl22"))).isTrue();
        assertThat(RecordKeyType.parse("tid").accepts(RecordKey.parse("self"))).isFalse();
        assertThat(RecordKeyType.parse("nsid").accepts(RecordKey.parse("com.example.thing"))).isTrue();
        assertThat(RecordKeyType.parse("nsid").accepts(RecordKey.parse("self"))).isFalse();
        assertThat(RecordKeyType.parse("any").accepts(RecordKey.parse("self"))).isTrue();
        assertThat(RecordKeyType.parse("literal:self").accepts(RecordKey.parse("self"))).isTrue();
        assertThat(RecordKeyType.parse("literal:self").accepts(RecordKey.parse("other"))).isFalse();
    }

    @Test
    void readsPermissionSetsAndKeepsUnsupportedResources() {
        LexiconDocument doc = LexiconParser.parse(doc("""
                {'main': {'type': 'permission-set', 'title': 'T', 'title:lang': {'fr': 'Té'}, 'permissions': [
                  {'type': 'permission', 'resource': 'repo', 'collection': ['a.b.c'], 'action': ['create']},
                  {'type': 'permission', 'resource': 'rpc', 'lxm': ['*'], 'inheritAud': true},
                  {'type': 'permission', 'resource': 'blob', 'accept': ['image/*']}]}}"""));

        LexPermissionSet set = (LexPermissionSet) doc.main().orElseThrow();
        assertThat(set.titleLang()).containsEntry("fr", "Té");
        assertThat(set.permissions()).satisfiesExactly(
                p -> assertThat(p).isEqualTo(new LexPermission.Repo(Optional.empty(), List.of(Nsid.parse("a.b.c")), List.of("create"))),
                p -> assertThat(p).isEqualTo(new LexPermission.Rpc(Optional.empty(), List.of("*"), Optional.empty(), true)),
                p -> assertThat(p).isInstanceOfSatisfying(LexPermission.Unsupported.class,
                        u -> assertThat(u.resource()).isEqualTo("blob")));
    }

    @Test
    void ignoresUnknownFieldsAndKeepsRevision() {
        LexiconDocument doc = LexiconParser.parse(doc("{'x': {'type': 'integer', 'futureOption': true}}")
                .replace("\"defs\"", "\"revision\": 3, \"$type\": \"com.atproto.lexicon.schema\", \"defs\""));

        assertThat(doc.revision()).contains(3L);
        assertThat(doc.def("x")).containsInstanceOf(LexInteger.class);
    }

    @Test
    void localRefsAndMainSuffixesNormalise() {
        LexiconDocument doc = LexiconParser.parse(doc(
                "{'u': {'type': 'array', 'items': {'type': 'union', 'refs': ['#o', 'dev.skein.test.doc#main', 'a.b.c#main']}},"
                        + " 'o': {'type': 'object', 'properties': {}}}"));

        LexUnion u = (LexUnion) ((LexArray) doc.def("u").orElseThrow()).items();
        assertThat(u.refs()).extracting(SchemaRef::toString)
                .containsExactly("dev.skein.test.doc#o", "dev.skein.test.doc", "a.b.c");
        assertThat(u.closed()).isFalse();
    }
}
