fn configure(ctx: &mut openssl::ssl::SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_ciphersuites("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256")
}
