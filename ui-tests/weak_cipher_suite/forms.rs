use openssl::ssl::SslContextBuilder;

fn openssl_lists(ctx: &mut SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_cipher_list("ALL:RC4-SHA")?;
    //~^ weak_cipher_suite
    ctx.set_cipher_list("HIGH:!aNULL:DES-CBC3-SHA")?;
    //~^ weak_cipher_suite
    ctx.set_cipher_list("ECDHE+AESGCM:aNULL")?;
    //~^ weak_cipher_suite
    ctx.set_cipher_list("DEFAULT:@SECLEVEL=0")
    //~^ weak_cipher_suite
}

const LEGACY: &str = concat!(
    "ECDHE-RSA-AES128-GCM-SHA256:",
    "EXP-RC4-MD5:",
    "NULL-SHA",
);

fn from_const(ctx: &mut SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_cipher_list(LEGACY)
    //~^ weak_cipher_suite
}

fn curl(easy: &mut curl::easy::Easy) -> Result<(), curl::Error> {
    easy.ssl_cipher_list("rc4,RC4-SHA")
    //~^ weak_cipher_suite
}

fn isahc1(builder: isahc::HttpClientBuilder) -> isahc::HttpClientBuilder {
    use isahc::config::Configurable;
    builder.ssl_ciphers(["ECDHE-RSA-AES128-GCM-SHA256", "DES-CBC-SHA"])
    //~^ weak_cipher_suite
}

fn kafka(config: &mut rdkafka::ClientConfig) {
    config.set("ssl.cipher.suites", "ALL:!aNULL:RC4");
    //~^ weak_cipher_suite
}

fn paho() {
    let _ = paho_mqtt::SslOptionsBuilder::new().enabled_cipher_suites("ADH-AES256-SHA").finalize();
    //~^ weak_cipher_suite
}

const MODERN: &str = "ECDHE+AESGCM:ECDHE+CHACHA20";
const COMPAT: &str = "DES-CBC3-SHA";

fn joined_consts(ctx: &mut SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_cipher_list(&format!("{MODERN}:{COMPAT}"))?;
    //~^ weak_cipher_suite
    ctx.set_cipher_list(&[MODERN, COMPAT].join(":"))
    //~^ weak_cipher_suite
}
