using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;

namespace Rake.Modules.FixtureExtraPublic;

public sealed class FixtureExtraPublicModule : IModule
{
    public string Name => "FixtureExtraPublic";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(_ => new Helper(new LeakedService()));
}

/// <summary>Broken on purpose: a second public type.</summary>
public sealed class LeakedService;

/// <summary>Broken on purpose: internal but not sealed.</summary>
internal class Helper(LeakedService service)
{
    public LeakedService Service { get; } = service;
}

// Allowed: abstract and static classes need not be sealed.
internal abstract class AllowedBase;

internal static class AllowedStatics
{
    public static Func<int, int> Twice => x => x * 2;
}

/// <summary>Allowed: EF migrations may be public.</summary>
public sealed class AllowedPublicMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }
}

/// <summary>Allowed: Blazor's router only discovers public components.</summary>
public class AllowedPublicComponent : IComponent
{
    public void Attach(RenderHandle renderHandle)
    {
    }

    public Task SetParametersAsync(ParameterView parameters) => Task.CompletedTask;
}
