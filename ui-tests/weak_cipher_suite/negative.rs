// Strings whose weak tokens are all excluded, and modern lists: none of these is a finding.
use openssl::ssl::SslContextBuilder;

const MOZILLA_INTERMEDIATE: &str = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:\
ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:\
ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";

fn lists(ctx: &mut SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_cipher_list("ALL:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!3DES:!MD5:!PSK")?;
    ctx.set_cipher_list("DEFAULT:!aNULL:!eNULL:!MD5:!3DES:!DES:!RC4:!IDEA:!SEED:!aDSS:!SRP:!PSK")?;
    ctx.set_cipher_list("HIGH:!aNULL:!MD5")?;
    ctx.set_cipher_list(MOZILLA_INTERMEDIATE)?;
    ctx.set_cipher_list("TLS_AES_256_GCM_SHA384")?;
    ctx.set_cipher_list("EECDH+AESGCM:EDH+AESGCM:@SECLEVEL=2")
}

fn runtime(ctx: &mut SslContextBuilder, list: &str) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_cipher_list(list)
}

fn unrelated(config: &mut std::collections::HashMap<String, String>) {
    // set_cipher_list("RC4") in a comment
    config.insert("ssl.cipher.suites".into(), "x".into());
    let _ = "RC4-SHA is weak";
}

const MODERN: &str = "ECDHE+AESGCM:ECDHE+CHACHA20";
const NO_WEAK: &str = "!aNULL:!eNULL:!RC4:!3DES";

fn joined_consts(ctx: &mut SslContextBuilder, extra: &str) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_cipher_list(&format!("{MODERN}:{}", NO_WEAK))?;
    ctx.set_cipher_list(&format!("{MODERN}:{extra}"))
}
