// A version chosen at run time among options that include a legacy one.
use reqwest::tls::Version;

pub struct Args {
    pub min_tls: String,
}

pub fn from_flag(args: &Args) -> reqwest::Client {
    let min = match args.min_tls.as_str() {
        "1.0" => Version::TLS_1_0,
        "1.3" => Version::TLS_1_3,
        _ => Version::TLS_1_2,
    };
    reqwest::Client::builder().min_tls_version(min).build().unwrap()
    //~^ legacy_tls_version_runtime_choice
}

pub fn from_env() -> reqwest::Client {
    reqwest::Client::builder()
        .min_tls_version(if std::env::var("LEGACY_TLS").is_ok() {
            //~^ legacy_tls_version_runtime_choice
            Version::TLS_1_1
        } else {
            Version::TLS_1_2
        })
        .build()
        .unwrap()
}

pub fn openssl_max(
    ctx: &mut openssl::ssl::SslContextBuilder,
    compat: bool,
) -> Result<(), openssl::error::ErrorStack> {
    let max = if compat {
        openssl::ssl::SslVersion::TLS1
    } else {
        openssl::ssl::SslVersion::TLS1_3
    };
    ctx.set_max_proto_version(Some(max))
    //~^ legacy_tls_version_runtime_choice
}
