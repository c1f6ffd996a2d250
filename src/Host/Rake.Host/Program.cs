using Rake.Host;

var app = await RakeHost.BuildAsync(args);
await app.RunAsync();
