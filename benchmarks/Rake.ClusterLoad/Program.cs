using Rake.ClusterLoad;

// dotnet run -c Release --project benchmarks/Rake.ClusterLoad -- [--url U] [--clients N] [--seconds T] [--kill-every K] ...
try
{
    return await ClusterLoad.RunAsync(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 64;
}
