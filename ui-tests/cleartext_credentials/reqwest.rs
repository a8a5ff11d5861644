// reqwest (async and blocking): bearer, basic and header carriers on the request chain, on a
// `let` request builder, and on a client built with default headers.
use reqwest::header::{self, AUTHORIZATION, HeaderMap, HeaderValue};

const API: &str = "http://api.internal.example.com";
const API_TLS: &str = "https://api.internal.example.com";

async fn bearer(client: &reqwest::Client, token: &str) -> reqwest::Result<reqwest::Response> {
    client.get("http://api.example.com/v1/me").bearer_auth(token).send().await
    //~^ cleartext_credentials
}

async fn bearer_tls(client: &reqwest::Client, token: &str) -> reqwest::Result<reqwest::Response> {
    client.get("https://api.example.com/v1/me").bearer_auth(token).send().await
}

async fn bearer_loopback(client: &reqwest::Client, token: &str) -> reqwest::Result<reqwest::Response> {
    client.get("http://127.0.0.1:8080/v1/me").bearer_auth(token).send().await
}

fn basic_blocking(user: &str, pass: &str) -> reqwest::Result<reqwest::blocking::Response> {
    let url = format!("{API}/v1/login");
    let client = reqwest::blocking::Client::new();
    client.post(&url).basic_auth(user, Some(pass)).send()
    //~^ cleartext_credentials
}

fn basic_blocking_tls(user: &str, pass: &str) -> reqwest::Result<reqwest::blocking::Response> {
    let url = format!("{API_TLS}/v1/login");
    let client = reqwest::blocking::Client::new();
    client.post(&url).basic_auth(user, Some(pass)).send()
}

async fn runtime_host(host: &str, key: &str) -> reqwest::Result<reqwest::Response> {
    reqwest::Client::new()
        .get(format!("http://{}/v2/items", host))
        //~^ cleartext_credentials
        .header("X-Api-Key", key)
        .send()
        .await
}

async fn runtime_host_localhost(key: &str) -> reqwest::Result<reqwest::Response> {
    let host = "localhost:3000";
    reqwest::Client::new().get(format!("http://{}/v2/items", host)).header("X-Api-Key", key).send().await
}

async fn later_credential(client: &reqwest::Client, token: &str) -> reqwest::Result<reqwest::Response> {
    let rb = client.get(API);
    //~^ cleartext_credentials
    let rb = rb.header(AUTHORIZATION, format!("Bearer {token}"));
    rb.send().await
}

async fn no_credential(client: &reqwest::Client) -> reqwest::Result<reqwest::Response> {
    client.get("http://api.example.com/v1/status").header("Accept", "application/json").send().await
}

fn default_headers(token: &str) -> reqwest::Result<()> {
    let mut headers = HeaderMap::new();
    headers.insert(header::COOKIE, HeaderValue::from_str(token).unwrap());
    let client = reqwest::blocking::Client::builder().default_headers(headers).build()?;
    client.get("http://files.example.com/list").send()?;
    //~^ cleartext_credentials
    client.get("http://files.example.com/other").send()?;
    Ok(())
}

async fn message_only(token: &str) {
    println!("calling http://api.example.com with {token}");
    log::info!("bearer_auth for http://api.example.com");
}

fn in_closure(client: &reqwest::blocking::Client, ids: &[u32], token: &str) {
    let base = url::Url::parse("http://inventory.example.com/items").unwrap();
    ids.iter().for_each(|id| {
        let _ = client.get(base.clone()).query(&[("id", id)]).bearer_auth(token).send();
        //~^ cleartext_credentials
    });
}

fn shadowed_by_parameter(client: &reqwest::blocking::Client, token: &str) {
    let base = "http://inventory.example.com/items";
    let call = |base: &str| client.get(base).bearer_auth(token).send();
    let _ = call("https://inventory.example.com/items");
    let _ = base;
}
