using Mapster;

namespace Rake.Modules.Reporting.Features.RegionSetup;

/// <summary>Terms are shown by their name in the caller's language (Finnish when no translation is stored).</summary>
internal sealed class RegionSetupMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<TaxonomyTerm, TermDto>()
            .Map(d => d.Kind, s => s.Kind.ToString())
            .Map(d => d.Name, s => s.Name(TextCatalog.CurrentLanguage));
        config.NewConfig<TaxonomyTerm, CategoryDto>()
            .Map(d => d.Name, s => s.Name(TextCatalog.CurrentLanguage));
        config.NewConfig<SupervisorListing, SupervisorDto>();
    }
}
