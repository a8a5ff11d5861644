// Choices among modern versions, and choices that diverge on anything else: no finding.
use reqwest::tls::Version;

pub struct Args {
    pub min_tls: String,
}

pub fn from_flag(args: &Args) -> Result<reqwest::Client, String> {
    let min = match args.min_tls.as_str() {
        "1.3" => Version::TLS_1_3,
        "1.2" => Version::TLS_1_2,
        other => return Err(format!("unsupported TLS version {other}")),
    };
    reqwest::Client::builder().min_tls_version(min).build().map_err(|e| e.to_string())
}

pub fn strict(strict: bool) -> reqwest::Client {
    let max = if strict { Version::TLS_1_3 } else { Version::TLS_1_2 };
    reqwest::Client::builder().max_tls_version(max).build().unwrap()
}
