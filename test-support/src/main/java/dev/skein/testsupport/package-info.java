/**
 * Test support shared by every module: where the atproto interop vectors are, a PostgreSQL database
 * (from the environment, else Testcontainers, else a skip that is a failure under CI), and a runner
 * for the Node 22 real-client scripts in {@code interop-node/}.
 *
 * <p>Under CI ({@code CI=true}) nothing here ever skips: a missing prerequisite fails the test, so a
 * green build always means the group really ran.
 */
package dev.skein.testsupport;
