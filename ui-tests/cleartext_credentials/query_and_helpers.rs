// Credentials in the query, header maps built by a helper, and URLs with a default.
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};

fn weather(key: &str, city: &str) -> reqwest::Result<String> {
    let url = format!("http://api.openweathermap.org/data/2.5/weather?q={city}&appid={key}");
    //~^ cleartext_credentials
    reqwest::blocking::get(url)?.text()
}

fn weather_tls(key: &str, city: &str) -> reqwest::Result<String> {
    reqwest::blocking::get(format!("https://api.openweathermap.org/data/2.5/weather?q={city}&appid={key}"))?.text()
}

fn paginate(client: &reqwest::blocking::Client, next: &str) -> reqwest::Result<String> {
    client.get(format!("http://feed.example.com/items?page_token={next}")).send()?.text()
}

fn search(client: &reqwest::blocking::Client, key: &str) -> reqwest::Result<String> {
    client.get("http://search.example.com/v1").query(&[("q", "rust"), ("api_key", key)]).send()?.text()
    //~^ cleartext_credentials
}

fn search_page(client: &reqwest::blocking::Client) -> reqwest::Result<String> {
    client.get("http://search.example.com/v1").query(&[("q", "rust"), ("page", "2")]).send()?.text()
}

fn auth_headers(token: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {token}")).unwrap());
    headers
}

fn client_with_helper(token: &str) -> reqwest::Result<String> {
    let base = std::env::var("API_URL").unwrap_or_else(|_| "http://api.corp.example.com".to_string());
    let client = reqwest::blocking::Client::builder().default_headers(auth_headers(token)).build()?;
    client.get(&base).send()?.text()
    //~^ cleartext_credentials
}
