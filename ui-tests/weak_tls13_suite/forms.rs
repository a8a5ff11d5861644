fn configure(ctx: &mut openssl::ssl::SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_ciphersuites("TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_8_SHA256")
    //~^ weak_tls13_suite
}
