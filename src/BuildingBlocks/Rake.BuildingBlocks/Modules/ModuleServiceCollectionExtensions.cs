using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.BuildingBlocks.Modules;

public static class ModuleServiceCollectionExtensions
{
    /// <summary>Services every module relies on: the request context, the clock, and outbox delivery.</summary>
    public static IServiceCollection AddRakeBuildingBlocks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddScoped<RequestContext>();
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<RequestContext>());
        services.AddScoped<Web.RequestChecks>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    /// <summary>Registers a module's one DbContext on the configured database and enrols its outbox.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : ModuleDbContext
    {
        // The options are built once per context type, not once per context (docs/adr/0193): they depend only on the
        // Database settings, and rebuilding them made every context compare a fresh set against EF's cache.
        services.AddDbContext<TContext>((sp, options) =>
            options.UseRakeDatabase(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, schema),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton(new OutboxSource(typeof(TContext)));
        services.AddSingleton(new MigratableContext(typeof(TContext)));
        return services;
    }

    /// <summary>Registers a module's integration-event handlers and the event types it publishes or consumes.</summary>
    public static IServiceCollection AddIntegrationEventHandlers(
        this IServiceCollection services, System.Reflection.Assembly moduleAssembly)
    {
        services.Scan(scan => scan.FromAssemblies(moduleAssembly)
            .AddClasses(c => c.AssignableTo(typeof(IIntegrationEventHandler<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime());
        return services;
    }
}

/// <summary>A DbContext whose migrations the Host applies at start.</summary>
public sealed record MigratableContext(Type DbContextType);
