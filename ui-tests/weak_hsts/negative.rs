use axum::http::{HeaderValue, header};

fn tower() -> tower_http::set_header::SetResponseHeaderLayer<HeaderValue> {
    tower_http::set_header::SetResponseHeaderLayer::overriding(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"))
}

fn headers(map: &mut http::HeaderMap, age: u64) {
    map.insert(http::header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains; preload"));
    map.insert(header::CACHE_CONTROL, HeaderValue::from_static("max-age=0"));
    map.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_str(&format!("max-age={age}")).unwrap());
}

fn rocket_shield() -> rocket::shield::Shield {
    use rocket::shield::{Hsts, Shield};
    use rocket::time::Duration;
    Shield::default().enable(Hsts::IncludeSubDomains(Duration::days(365)))
}

fn typed(headers: &mut http::HeaderMap) {
    use headers::HeaderMapExt;
    headers.typed_insert(headers::StrictTransportSecurity::including_subdomains(std::time::Duration::from_secs(63_072_000)));
}
