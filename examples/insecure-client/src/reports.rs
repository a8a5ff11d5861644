//! The reporting API lives behind the office VPN, so somebody decided plain HTTP was fine.

const REPORTS_BASE: &str = "http://reports.corp.example.net/api/v2";

/// Fetches the daily report with the service token.
pub fn daily(client: &reqwest::blocking::Client, token: &str) -> reqwest::Result<String> {
    client
        .get(format!("{REPORTS_BASE}/daily"))
        .bearer_auth(token)
        .send()?
        .text()
}

/// The legacy reporting appliance only speaks TLS 1.0.
pub fn legacy_client() -> reqwest::Result<reqwest::blocking::Client> {
    reqwest::blocking::Client::builder()
        .min_tls_version(reqwest::tls::Version::TLS_1_0)
        .build()
}
