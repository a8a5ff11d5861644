fn main() {
    let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build(;
}
//~^ parse_error
