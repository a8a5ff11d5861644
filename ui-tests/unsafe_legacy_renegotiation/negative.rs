use openssl::ssl::{SslContextBuilder, SslOptions};

fn configure(ctx: &mut SslContextBuilder) -> bool {
    ctx.clear_options(SslOptions::ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
    ctx.set_options(SslOptions::NO_RENEGOTIATION);
    // SslOptions::ALLOW_UNSAFE_LEGACY_RENEGOTIATION in a comment
    ctx.options().contains(SslOptions::ALLOW_UNSAFE_LEGACY_RENEGOTIATION)
}
