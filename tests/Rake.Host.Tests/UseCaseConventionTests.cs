using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Mapping;
using Rake.BuildingBlocks.Modules;

namespace Rake.Host.Tests;

/// <summary>
/// The conventions every use case follows (docs/adr/0086): the endpoint's role requirement is checked before its
/// validators run, validators answer in the caller's language with camelCase field names, and every module's Mapster
/// configuration compiles with each destination member given a source.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class UseCaseConventionTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_person_without_the_role_gets_403_before_any_input_rule_is_told()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        var problem = await Reports.ReadProblemAsync(
            await professional.PostAsJsonAsync("/api/v1/regions/kainuu/workflow-instances", new { }), HttpStatusCode.Forbidden);
        Assert.Null(problem["errors"]);
    }

    [Theory]
    [InlineData("fi", "Anna käynnistettävän prosessin määrityksen tunnus.")]
    [InlineData("sv", "Ange identiteten för processdefinitionen som ska startas.")]
    [InlineData("en", "Name the workflow definition to start.")]
    public async Task A_validator_names_the_field_in_the_callers_language(string language, string message)
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var problem = await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync("/api/v1/regions/kainuu/workflow-instances", new { definitionId = " " }),
                HttpStatusCode.BadRequest);
        Assert.Equal(message, problem["errors"]!["definitionId"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Every_module_has_a_mapping_configuration_that_compiles()
    {
        var modules = Host.Services.GetRequiredService<IReadOnlyList<IModule>>();
        var registered = Host.Services.GetRequiredService<IServiceProviderIsService>();
        foreach (var module in modules)
        {
            var mapperType = typeof(ModuleMapper<>).MakeGenericType(module.GetType());
            Assert.True(registered.IsService(mapperType), $"{module.Name} registers no ModuleMapper");
            Assert.NotNull(Host.Services.GetRequiredService(mapperType));
        }
    }
}
