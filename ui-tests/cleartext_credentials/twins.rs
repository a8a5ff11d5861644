// The `https://` and loopback twins of the positive cases in the other files: never findings.
use http::header::{AUTHORIZATION, COOKIE, PROXY_AUTHORIZATION};
use reqwest::header::{HeaderMap, HeaderValue};

async fn reqwest_twins(client: &reqwest::Client, host: &str, key: &str, token: &str) -> reqwest::Result<()> {
    client.get(format!("https://{}/v2/items", host)).header("X-Api-Key", key).send().await?;
    let rb = client.get("https://api.internal.example.com");
    let rb = rb.header(AUTHORIZATION, format!("Bearer {token}"));
    rb.send().await?;
    let rb = client.get("http://127.0.0.1:9000/");
    let rb = rb.header(AUTHORIZATION, format!("Bearer {token}"));
    rb.send().await?;
    client.get("https://search.example.com/v1").query(&[("api_key", key)]).send().await?;
    client.get("http://localhost/v1").query(&[("api_key", key)]).send().await?;
    client.post("https://auth.example.com/oauth/token").form(&[("client_secret", key)]).send().await?;
    Ok(())
}

fn default_headers_twin(token: &str) -> reqwest::Result<()> {
    let mut headers = HeaderMap::new();
    headers.insert(COOKIE, HeaderValue::from_str(token).unwrap());
    let client = reqwest::blocking::Client::builder().default_headers(headers).build()?;
    client.get("https://files.example.com/list").send()?;
    client.get("http://[::1]/list").send()?;
    Ok(())
}

async fn surf_loopback(key: &str) -> surf::Result<String> {
    surf::get("http://localhost:8080/q").header("Private-Token", key).recv_string().await
}

fn isahc_twin(user: &str, pass: &str) -> Result<isahc::Response<isahc::Body>, isahc::Error> {
    use isahc::auth::{Authentication, Credentials};
    use isahc::prelude::*;
    isahc::Request::get("https://intranet.corp.example/report")
        .authentication(Authentication::basic())
        .credentials(Credentials::new(user, pass))
        .body(())
        .map_err(isahc::Error::from)?
        .send()
}

async fn awc_twin(token: &str) {
    let client = awc::Client::default();
    let _ = client.get("https://orders.example.com/v1").insert_header((PROXY_AUTHORIZATION, token)).send().await;
}

fn attohttpc_twin(user: &str, pass: &str) -> attohttpc::Result<attohttpc::Response> {
    attohttpc::get("https://nas.home.example/api").basic_auth(user, Some(pass)).send()
}

fn headers_mut_twin(token: &str) -> http::Result<http::Request<()>> {
    let mut req = http::Request::post("https://metrics.example.com/push").body(())?;
    req.headers_mut().insert(AUTHORIZATION, token.parse().unwrap());
    Ok(req)
}

fn curl_loopback(user: &str, pass: &str) -> Result<(), curl::Error> {
    let mut easy = curl::easy::Easy::new();
    easy.url("http://127.0.0.1:21/upload")?;
    easy.username(user)?;
    easy.password(pass)?;
    easy.perform()
}
