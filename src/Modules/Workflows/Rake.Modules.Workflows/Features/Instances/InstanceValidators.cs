using FluentValidation;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;

namespace Rake.Modules.Workflows.Features.Instances;

internal sealed class StartInstanceValidator : RequestValidator<StartInstanceRequest>
{
    public StartInstanceValidator(TextCatalog texts) : base(texts) =>
        RuleFor(r => r.DefinitionId).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["workflows.validation.definitionId"]);
}

internal sealed class RaiseEventValidator : RequestValidator<RaiseEventRequest>
{
    public RaiseEventValidator(TextCatalog texts) : base(texts) =>
        RuleFor(r => r.Name).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["workflows.validation.eventName"]);
}
