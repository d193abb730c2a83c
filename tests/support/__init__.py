"""What the tests run against: local servers, a Redis server, crawl runners, cassettes."""
