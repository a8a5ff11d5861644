//@ hsts-min-max-age 63072000
fn headers(map: &mut http::HeaderMap) {
    map.insert(http::header::STRICT_TRANSPORT_SECURITY, http::HeaderValue::from_static("max-age=31536000"));
    //~^ weak_hsts
    map.insert(http::header::STRICT_TRANSPORT_SECURITY, http::HeaderValue::from_static("max-age=63072000; includeSubDomains"));
}
