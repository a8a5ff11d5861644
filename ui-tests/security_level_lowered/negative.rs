fn configure(ctx: &mut openssl::ssl::SslContextBuilder, level: u32) {
    ctx.set_security_level(2);
    ctx.set_security_level(3);
    ctx.set_security_level(level);
}
