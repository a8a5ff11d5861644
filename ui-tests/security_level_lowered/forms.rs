const LEVEL: u32 = 1;

fn configure(ctx: &mut openssl::ssl::SslContextBuilder) {
    ctx.set_security_level(0);
    //~^ security_level_lowered
    ctx.set_security_level(LEVEL);
    //~^ security_level_lowered
}
