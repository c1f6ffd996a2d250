using FluentValidation;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;

namespace Rake.Modules.Workflows.Features.Instances;

internal sealed class StartInstanceValidator : RequestValidator<StartInstanceRequest>
{
    public StartInstanceValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.DefinitionId).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["workflows.validation.definitionId"]);
        RuleFor(r => r.CorrelationId).MaximumLength(CorrelationIdMax).WithMessage(_ => Texts["workflows.validation.correlationId"]);
    }

    /// <summary>Elsa keeps correlation ids short keys; a longer one is a mistake (a whole document pasted).</summary>
    public const int CorrelationIdMax = 200;
}

internal sealed class RaiseEventValidator : RequestValidator<RaiseEventRequest>
{
    public RaiseEventValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.Name).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["workflows.validation.eventName"]);
        RuleFor(r => r.CorrelationId).MaximumLength(StartInstanceValidator.CorrelationIdMax)
            .WithMessage(_ => Texts["workflows.validation.correlationId"]);
    }
}
