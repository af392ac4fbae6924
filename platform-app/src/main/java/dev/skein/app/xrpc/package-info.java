/**
 * XRPC over HTTP as every Skein process serves it: {@code /xrpc/_health} and the error shape
 * {@code {"error","message"}}. Spec: https://atproto.com/specs/xrpc
 */
package dev.skein.app.xrpc;
