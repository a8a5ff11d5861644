use openssl::ssl::{SslContextBuilder, SslOptions};

fn configure(ctx: &mut SslContextBuilder) {
    ctx.set_options(SslOptions::ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
    //~^ unsafe_legacy_renegotiation
}

fn combined(ctx: &mut SslContextBuilder) {
    ctx.set_options(SslOptions::NO_TICKET | openssl::ssl::SslOptions::ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
    //~^ unsafe_legacy_renegotiation
}
