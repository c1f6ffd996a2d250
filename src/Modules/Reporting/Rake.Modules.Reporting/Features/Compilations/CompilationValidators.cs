using FluentValidation;
using Mapster;

namespace Rake.Modules.Reporting.Features.Compilations;

internal sealed class AddCompilationNoteRequestValidator : RequestValidator<AddCompilationNoteRequest>
{
    public const int ResponsiblePersonMax = 200;

    public AddCompilationNoteRequestValidator(TextCatalog texts) : base(texts)
    {
        EnumName<CompilationNoteKind>(r => r.Kind);
        RequiredText(r => r.Text, CompilationNote.TextMax);
        OptionalText(r => r.ResponsiblePerson, ResponsiblePersonMax);
    }

    /// <summary>The note's kind of a request the validator accepted.</summary>
    public static CompilationNoteKind KindOf(AddCompilationNoteRequest request) =>
        Enum.Parse<CompilationNoteKind>(request.Kind!.Trim(), ignoreCase: true);
}

internal sealed class CompilationMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<CompilationNote, CompilationNoteDto>();
}
