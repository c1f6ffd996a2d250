namespace Rake.BuildingBlocks.Web;

/// <summary>Expected failures a handler reports; the Host turns each into an RFC 9457 ProblemDetails answer.</summary>
public abstract class RakeProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}

public sealed class NotFoundException(string detail) : RakeProblemException(404, "Not found", detail);

public sealed class ForbiddenException(string detail) : RakeProblemException(403, "Forbidden", detail);

public sealed class ConflictException(string detail) : RakeProblemException(409, "Conflict", detail);

/// <summary>Input that breaks a rule; <see cref="Errors"/> lists each field with what to fix.</summary>
public sealed class ValidationException(
    IReadOnlyDictionary<string, string[]> errors, string? detail = null, int status = 400, string? type = null)
    : RakeProblemException(status, "One or more fields need correcting.", detail ?? "See 'errors' for what to fix in each field.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>A URI naming the kind of problem, when it is more specific than a plain validation error.</summary>
    public string? ProblemType { get; } = type;
}
