// Integration tests wait for real brokers, databases and mail; 5 s (jest's default) is too short.
jest.setTimeout(120_000);
