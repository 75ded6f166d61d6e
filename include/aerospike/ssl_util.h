/*
 * Matching a server certificate against the TLS name the client expects,
 * by subject common name (optionally with a leading wildcard label) or by
 * subject alternative names. Part of the TLS layer: declared only.
 */
#pragma once

#include <aerospike/as_std.h>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#ifdef __cplusplus
extern "C" {
#endif

AS_EXTERN bool as_tls_match_name(X509* x509, const char* name, bool allow_wildcard);
AS_EXTERN bool as_tls_match_san(X509* x509, const char* name);

#ifdef __cplusplus
}
#endif
