package dev.nomos.learn;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.nomos.learn.internal.ChatClient;
import dev.nomos.learn.internal.LanguageReference;
import dev.nomos.learn.internal.LawBlocks;
import dev.nomos.learn.internal.PromptBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes laws by asking a chat model. The prompt holds the language reference, the world, the
 * current laws with their weights and the surprising transitions, and asks for laws in a fenced
 * {@code ```nomos} block. Each answer is checked; the diagnostics of the laws that fail go back to
 * the model for repair, at most {@link LlmSettings#repairRounds()} times. The laws that checked
 * clean in any round are kept, deduplicated. Failed calls (after retries) and answers without
 * laws end the proposal with a note; they never throw.
 */
public final class LlmProposer implements Proposer {
  private final String provider;
  private final LlmSettings settings;
  private final ChatClient client;
  private final CandidateChecker checker;
  private final String reference;
  /** Answers received (from the endpoint or the cache) and the last failed call, over all proposals. */
  private final java.util.concurrent.atomic.AtomicLong answers = new java.util.concurrent.atomic.AtomicLong();
  private volatile String lastFailure;

  public LlmProposer(String provider, LlmSettings settings, ChatModel model, CandidateChecker checker,
      String reference, ChatClient.Sleeper sleeper) {
    this.provider = provider;
    this.settings = settings;
    this.checker = checker;
    this.reference = reference;
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (settings.temperature() != null) {
      parameters.put("temperature", settings.temperature());
    }
    if (settings.maxOutputTokens() != null) {
      parameters.put("max_output_tokens", settings.maxOutputTokens());
    }
    ResponseCache cache = settings.cacheDir() == null ? null : new ResponseCache(settings.cacheDir());
    this.client = new ChatClient(provider, settings.model(), parameters, model, cache, settings.retry(), sleeper);
  }

  /** An OpenAI-compatible endpoint through LangChain4j's {@code OpenAiChatModel}. */
  public static LlmProposer openAi(LlmSettings settings, CandidateChecker checker) {
    var builder = OpenAiChatModel.builder()
        .modelName(settings.model())
        .apiKey(settings.apiKey() == null ? "none" : settings.apiKey())
        .timeout(settings.timeout())
        .maxRetries(0)
        .temperature(settings.temperature())
        .maxTokens(settings.maxOutputTokens());
    if (settings.baseUrl() != null) {
      builder.baseUrl(settings.baseUrl());
    }
    return new LlmProposer("openai", settings, builder.build(), checker, LanguageReference.text(), Thread::sleep);
  }

  /** An Ollama server through LangChain4j's {@code OllamaChatModel}. */
  public static LlmProposer ollama(LlmSettings settings, CandidateChecker checker) {
    var builder = OllamaChatModel.builder()
        .baseUrl(settings.baseUrl() == null ? "http://localhost:11434" : settings.baseUrl())
        .modelName(settings.model())
        .timeout(settings.timeout())
        .maxRetries(0)
        .temperature(settings.temperature())
        .numPredict(settings.maxOutputTokens());
    return new LlmProposer("ollama", settings, builder.build(), checker, LanguageReference.text(), Thread::sleep);
  }

  /**
   * Why the endpoint never gave an answer, when every call so far failed (a refused connection, a
   * wrong URL, a time-out); empty once any call was answered or none was made.
   */
  public java.util.Optional<String> failureWithoutAnswers() {
    return answers.get() == 0 ? java.util.Optional.ofNullable(lastFailure) : java.util.Optional.empty();
  }

  @Override
  public String name() {
    return provider + ":" + settings.model();
  }

  @Override
  public boolean callsModels() {
    return true;
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    List<ResponseCache.Message> messages = new ArrayList<>();
    messages.add(new ResponseCache.Message("system", PromptBuilder.system(reference)));
    messages.add(new ResponseCache.Message("user", PromptBuilder.task(request)));
    Set<String> seen = new LinkedHashSet<>();
    for (CurrentLaw law : request.currentLaws()) {
      seen.add(LawText.key(law.source()));
    }
    for (String t : request.tried()) {
      seen.add(t);
    }
    Map<String, String> accepted = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    Usage usage = Usage.NONE;
    long callsLeft = request.remaining().calls();
    long tokensLeft = request.remaining().tokens();
    for (int round = 0; round <= settings.repairRounds(); round++) {
      if (callsLeft <= 0 || tokensLeft <= 0) {
        notes.add("budget spent before round " + (round + 1));
        break;
      }
      ChatClient.Answer answer;
      try {
        answer = client.chat(messages, request.deadline());
      } catch (ChatClient.ChatFailure failure) {
        usage = usage.plus(new Usage(failure.attempts() > 0 ? 1 : 0, 0, 0, 0));
        String where = settings.baseUrl() == null ? "" : " (endpoint " + settings.baseUrl() + ")";
        lastFailure = failure.getMessage() + where;
        notes.add(lastFailure);
        break;
      }
      answers.incrementAndGet();
      callsLeft--;
      tokensLeft -= answer.inputTokens() + answer.outputTokens();
      usage = usage.plus(new Usage(1, answer.inputTokens(), answer.outputTokens(), answer.cached() ? 1 : 0));
      String block = LawBlocks.extract(answer.text());
      String feedback;
      if (block.isEmpty()) {
        notes.add("answer " + (round + 1) + " had no nomos block");
        feedback = PromptBuilder.noBlock();
      } else {
        CandidateChecker.Result result = checker.check(block);
        int fresh = 0;
        for (String law : result.laws()) {
          String key = LawText.key(law);
          if (seen.add(key)) {
            accepted.put(key, law.strip());
            fresh++;
          }
        }
        int duplicates = result.laws().size() - fresh;
        if (duplicates > 0) {
          notes.add("answer " + (round + 1) + ": " + duplicates + " duplicate law(s) dropped");
        }
        if (result.clean()) {
          break;
        }
        notes.add("answer " + (round + 1) + " had errors: "
            + result.diagnostics().lines().filter(l -> l.contains(": error ")).count() + " diagnostic(s)");
        feedback = PromptBuilder.repair(result.diagnostics());
      }
      if (round == settings.repairRounds()) {
        break;
      }
      messages.add(new ResponseCache.Message("assistant", answer.text()));
      messages.add(new ResponseCache.Message("user", feedback));
    }
    List<String> candidates = new ArrayList<>(accepted.values());
    if (candidates.size() > request.maxCandidates()) {
      notes.add((candidates.size() - request.maxCandidates()) + " law(s) over the limit dropped");
      candidates = candidates.subList(0, request.maxCandidates());
    }
    return new Proposal(candidates, usage, notes);
  }
}
