// ureq 2 and 3, surf, isahc, awc, attohttpc, hyper/http and curl carriers, each with an
// `https://` twin and a loopback twin.
use http::header::{AUTHORIZATION, PROXY_AUTHORIZATION};

fn ureq2(token: &str) -> Result<ureq::Response, ureq::Error> {
    ureq::get("http://10.0.3.7/api").set("Authorization", &format!("Bearer {token}")).call()
    //~^ cleartext_credentials
}

fn ureq2_tls(token: &str) -> Result<ureq::Response, ureq::Error> {
    ureq::get("https://10.0.3.7/api").set("Authorization", &format!("Bearer {token}")).call()
}

fn ureq2_loopback(token: &str) -> Result<ureq::Response, ureq::Error> {
    ureq::get("http://localhost/api").set("Authorization", &format!("Bearer {token}")).call()
}

fn ureq3(key: &str) -> Result<(), ureq::Error> {
    ureq::post("http://billing.example.net/charge").header("X-Auth-Token", key).send_empty()?;
    //~^ cleartext_credentials
    ureq::post("https://billing.example.net/charge").header("X-Auth-Token", key).send_empty()?;
    ureq::post("http://[::1]:9000/charge").header("X-Auth-Token", key).send_empty()?;
    Ok(())
}

async fn surf_header(key: &str) -> surf::Result<String> {
    surf::get("http://search.example.org/q").header("Private-Token", key).recv_string().await
    //~^ cleartext_credentials
}

async fn surf_header_tls(key: &str) -> surf::Result<String> {
    surf::get("https://search.example.org/q").header("Private-Token", key).recv_string().await
}

fn isahc_credentials(user: &str, pass: &str) -> Result<isahc::Response<isahc::Body>, isahc::Error> {
    use isahc::auth::{Authentication, Credentials};
    use isahc::prelude::*;
    isahc::Request::get("http://intranet.corp.example/report")
    //~^ cleartext_credentials
        .authentication(Authentication::basic())
        .credentials(Credentials::new(user, pass))
        .body(())
        .map_err(isahc::Error::from)?
        .send()
}

async fn awc_bearer(token: &str) {
    let client = awc::Client::default();
    let _ = client.get("http://orders.example.com/v1").bearer_auth(token).send().await;
    //~^ cleartext_credentials
    let _ = client.get("https://orders.example.com/v1").bearer_auth(token).send().await;
    let _ = client.get("http://orders.example.com/v1").insert_header((PROXY_AUTHORIZATION, token)).send().await;
    //~^ cleartext_credentials
}

fn attohttpc_basic(user: &str, pass: &str) -> attohttpc::Result<attohttpc::Response> {
    attohttpc::get("http://nas.home.example/api").basic_auth(user, Some(pass)).send()
    //~^ cleartext_credentials
}

fn hyper_request(token: &str) -> http::Result<http::Request<()>> {
    http::Request::builder().uri("http://metrics.example.com/push").header(AUTHORIZATION, token).body(())
    //~^ cleartext_credentials
}

fn hyper_request_tls(token: &str) -> http::Result<http::Request<()>> {
    http::Request::builder().uri("https://metrics.example.com/push").header(AUTHORIZATION, token).body(())
}

fn hyper_headers_mut(token: &str) -> http::Result<http::Request<()>> {
    let mut req = http::Request::post("http://metrics.example.com/push").body(())?;
    //~^ cleartext_credentials
    req.headers_mut().insert(AUTHORIZATION, token.parse().unwrap());
    Ok(req)
}

fn curl_login(host: &str, user: &str, pass: &str) -> Result<(), curl::Error> {
    let mut easy = curl::easy::Easy::new();
    easy.url(&format!("http://{host}/upload"))?;
    //~^ cleartext_credentials
    easy.username(user)?;
    easy.password(pass)?;
    easy.perform()
}

fn curl_login_tls(host: &str, user: &str, pass: &str) -> Result<(), curl::Error> {
    let mut easy = curl::easy::Easy::new();
    easy.url(&format!("https://{host}/upload"))?;
    easy.username(user)?;
    easy.password(pass)?;
    easy.perform()
}
