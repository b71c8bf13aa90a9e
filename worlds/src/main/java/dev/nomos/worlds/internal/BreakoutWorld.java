package dev.nomos.worlds.internal;

import dev.nomos.runtime.trajectory.ObjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Atari-like Breakout on OCAtari's 160 x 210 screen. FIRE serves a ball when none is in play (the
 * ball is created); a ball that reaches the zone below the paddle is destroyed; bricks the ball
 * touches are destroyed. The paddle accelerates under LEFT/RIGHT and coasts to a stop; the ball's
 * angle and speed depend on where it hits the paddle. The score and the lives left are objects of
 * the frame, as OCAtari reports them, so the end on the last life is visible. Fully deterministic.
 * docs/worlds.md states every rule.
 */
public final class BreakoutWorld extends BaseWorld implements GoalSeeking {
  public static final List<String> ACTIONS = List.of("NOOP", "FIRE", "RIGHT", "LEFT");

  static final int PADDLE_Y = 189;
  static final int PADDLE_W = 16;
  static final int PADDLE_MIN_X = 8;
  static final int PADDLE_MAX_X = 152 - PADDLE_W;
  static final int PADDLE_MAX_SPEED = 8;
  static final int SERVE_X = 78;
  static final int SERVE_Y = 120;
  static final int BRICK_W = 36;
  static final int BRICK_H = 6;
  static final int[] ROW_Y = {57, 63};
  static final int[] ROW_POINTS = {4, 1};
  static final int LIVES = 5;

  private Body paddle;
  private Body ball;
  private Body leftWall;
  private Body rightWall;
  private Body topWall;
  private Body zone;
  private Body scoreBoard;
  private Body livesBoard;
  private final List<Body> bricks = new ArrayList<>();
  private final List<Integer> brickPoints = new ArrayList<>();
  private int paddleVx;
  private int ballVx;
  private int ballVy;
  /** A ball created by the last step has not moved yet; its first velocity depends on the paddle then. */
  private boolean ballFresh;
  private int lives;
  private int score;
  private int nextId;

  public BreakoutWorld() {
    super("breakout", ACTIONS);
  }

  @Override
  public int levelCount() {
    return 1;
  }

  @Override
  protected int maxSteps() {
    return 2000;
  }

  @Override
  protected void start(int level) {
    paddle = new Body(1, "Player", 72, PADDLE_Y, PADDLE_W, 4);
    leftWall = new Body(2, "Wall", 0, 32, 8, 178);
    rightWall = new Body(3, "Wall", 152, 32, 8, 178);
    topWall = new Body(4, "Wall", 0, 17, 160, 15);
    zone = new Body(5, "Zone", 0, 200, 160, 10);
    scoreBoard = new Body(6, "PlayerScore", 36, 5, 12, 10);
    livesBoard = new Body(7, "Lives", 100, 5, 12, 10);
    bricks.clear();
    brickPoints.clear();
    nextId = 8;
    for (int row = 0; row < ROW_Y.length; row++) {
      for (int col = 0; col < 4; col++) {
        bricks.add(new Body(nextId++, "Block", 8 + col * BRICK_W, ROW_Y[row], BRICK_W, BRICK_H));
        brickPoints.add(ROW_POINTS[row]);
      }
    }
    ball = null;
    paddleVx = 0;
    lives = LIVES;
    score = 0;
  }

  @Override
  protected double advance(String action) {
    int nextPaddleVx = paddleVelocity(paddleVx, action);
    double reward = 0;
    if (ball == null) {
      if (action.equals("FIRE")) {
        ball = new Body(nextId++, "Ball", SERVE_X, SERVE_Y, 2, 4);
        ballFresh = true;
      }
    } else if (ball.touches(zone)) {
      ball = null;
      lives--;
      if (lives == 0) {
        finish();
      }
    } else {
      reward = moveBall();
      score += (int) reward;
    }
    int px = clamp(paddle.x + nextPaddleVx, PADDLE_MIN_X, PADDLE_MAX_X);
    paddleVx = px - paddle.x;
    paddle.x = px;
    if (bricks.isEmpty()) {
      finish();
    }
    return reward;
  }

  static int paddleVelocity(int vx, String action) {
    switch (action) {
      case "LEFT":
        return Math.max(vx - 2, -PADDLE_MAX_SPEED);
      case "RIGHT":
        return Math.min(vx + 2, PADDLE_MAX_SPEED);
      default:
        return vx - Integer.signum(vx);
    }
  }

  private double moveBall() {
    int vx = ballVx;
    int vy = ballVy;
    double reward = 0;
    if (ballFresh) {
      vx = paddle.x + PADDLE_W / 2 >= 80 ? 2 : -2;
      vy = 3;
      ballFresh = false;
    } else if (ballVy > 0 && ball.touches(paddle)) {
      int offset = ball.x - paddle.x;
      vx = offset < 4 ? -3 : offset < 8 ? -1 : offset < 12 ? 1 : 3;
      vy = offset < 4 || offset >= 12 ? -4 : -3;
    } else {
      boolean hit = false;
      for (int i = bricks.size() - 1; i >= 0; i--) {
        if (ball.touches(bricks.get(i))) {
          hit = true;
          reward += brickPoints.get(i);
          bricks.remove(i);
          brickPoints.remove(i);
        }
      }
      if ((ballVx < 0 && ball.touches(leftWall)) || (ballVx > 0 && ball.touches(rightWall))) {
        vx = -ballVx;
      }
      if (hit || (ballVy < 0 && ball.touches(topWall))) {
        vy = -ballVy;
      }
    }
    ballVx = vx;
    ballVy = vy;
    ball.x += vx;
    ball.y += vy;
    return reward;
  }

  @Override
  public List<ObjectState> objects() {
    List<ObjectState> out = new ArrayList<>();
    out.add(paddle.state());
    out.add(leftWall.state());
    out.add(rightWall.state());
    out.add(topWall.state());
    out.add(zone.state());
    out.add(scoreBoard.state(Map.of("value", score)));
    out.add(livesBoard.state(Map.of("value", lives)));
    for (int i = 0; i < bricks.size(); i++) {
      out.add(bricks.get(i).state(Map.of("points", brickPoints.get(i))));
    }
    if (ball != null) {
      out.add(ball.state());
    }
    return out;
  }

  @Override
  public String goalAction(SplittableRandom random) {
    if (ball == null) {
      return "FIRE";
    }
    int diff = (ball.x + 1) - (paddle.x + PADDLE_W / 2) - 2 * paddleVx + ballVx * 4;
    if (diff < -3) {
      return "LEFT";
    }
    if (diff > 3) {
      return "RIGHT";
    }
    return random.nextBoolean() ? "NOOP" : "FIRE";
  }
}
