package dev.nomos.worlds.internal;

import dev.nomos.runtime.trajectory.ObjectState;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Atari-like Pong on OCAtari's 160 x 210 screen. The player's paddle (right) accelerates under
 * UP/DOWN and coasts to a stop otherwise; the enemy (left) follows the ball at a bounded speed while
 * the ball comes towards it; the ball's return angle and speed depend on where it hits a paddle.
 * The only randomness is the vertical speed of each serve. Both scores are objects of the frame, as
 * OCAtari reports them, so the end of the game (a side reaching five points) is visible.
 * docs/worlds.md states every rule.
 */
public final class PongWorld extends BaseWorld implements GoalSeeking {
  public static final List<String> ACTIONS = List.of("NOOP", "FIRE", "UP", "DOWN", "UPFIRE", "DOWNFIRE");

  static final int FIELD_TOP = 34;
  static final int FIELD_BOTTOM = 194;
  static final int PADDLE_H = 16;
  static final int PADDLE_MIN_Y = FIELD_TOP;
  static final int PADDLE_MAX_Y = FIELD_BOTTOM - PADDLE_H;
  static final int PLAYER_MAX_SPEED = 8;
  static final int ENEMY_MAX_SPEED = 3;
  static final int BALL_MAX_VX = 5;
  static final int SERVE_X = 78;
  static final int SERVE_Y = 112;
  static final int SERVE_VX = 3;
  static final int[] SERVE_VY = {-2, -1, 1, 2};
  static final int WINNING_SCORE = 5;

  private Body player;
  private Body enemy;
  private Body ball;
  private Body topWall;
  private Body bottomWall;
  private Body leftZone;
  private Body rightZone;
  private Body playerScoreBoard;
  private Body enemyScoreBoard;
  private int playerVy;
  private int enemyVy;
  private int ballVx;
  private int ballVy;
  /** The ball's last displacement, which is what a model sees as its vx (it differs from ballVx only on a serve). */
  private int ballDx;
  private int playerScore;
  private int enemyScore;

  public PongWorld() {
    super("pong", ACTIONS);
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
    player = new Body(1, "Player", 140, 97, 4, PADDLE_H);
    enemy = new Body(2, "Enemy", 16, 97, 4, PADDLE_H);
    ball = new Body(3, "Ball", SERVE_X, SERVE_Y, 2, 4);
    topWall = new Body(4, "Wall", 0, 24, 160, 10);
    bottomWall = new Body(5, "Wall", 0, FIELD_BOTTOM, 160, 16);
    leftZone = new Body(6, "Zone", 0, FIELD_TOP, 8, FIELD_BOTTOM - FIELD_TOP);
    rightZone = new Body(7, "Zone", 152, FIELD_TOP, 8, FIELD_BOTTOM - FIELD_TOP);
    enemyScoreBoard = new Body(8, "EnemyScore", 36, 1, 12, 20);
    playerScoreBoard = new Body(9, "PlayerScore", 116, 1, 12, 20);
    playerVy = 0;
    enemyVy = 0;
    playerScore = 0;
    enemyScore = 0;
    serve(SERVE_VX);
    ballDx = 0;
  }

  private void serve(int vx) {
    ballDx = SERVE_X - ball.x;
    ball.x = SERVE_X;
    ball.y = SERVE_Y;
    ballVx = vx;
    ballVy = SERVE_VY[random.nextInt(SERVE_VY.length)];
  }

  @Override
  protected double advance(String action) {
    // Every decision reads the state at t; only then does anything move.
    int nextPlayerVy = paddleVelocity(playerVy, action);
    int nextEnemyVy = ballDx < 0 ? clamp(ball.y - enemy.y - 6, -ENEMY_MAX_SPEED, ENEMY_MAX_SPEED) : 0;
    double reward = moveBall();
    int py = clamp(player.y + nextPlayerVy, PADDLE_MIN_Y, PADDLE_MAX_Y);
    playerVy = py - player.y;
    player.y = py;
    int ey = clamp(enemy.y + nextEnemyVy, PADDLE_MIN_Y, PADDLE_MAX_Y);
    enemyVy = ey - enemy.y;
    enemy.y = ey;
    if (playerScore >= WINNING_SCORE || enemyScore >= WINNING_SCORE) {
      finish();
    }
    return reward;
  }

  static int paddleVelocity(int vy, String action) {
    switch (action) {
      case "UP":
      case "UPFIRE":
        return Math.max(vy - 2, -PLAYER_MAX_SPEED);
      case "DOWN":
      case "DOWNFIRE":
        return Math.min(vy + 2, PLAYER_MAX_SPEED);
      default:
        return vy - Integer.signum(vy);
    }
  }

  private double moveBall() {
    if (ball.touches(leftZone)) {
      playerScore++;
      serve(-SERVE_VX);
      return 1;
    }
    if (ball.touches(rightZone)) {
      enemyScore++;
      serve(SERVE_VX);
      return -1;
    }
    Body paddle = ballVx > 0 && ball.touches(player) ? player : ballVx < 0 && ball.touches(enemy) ? enemy : null;
    int vx = ballVx;
    int vy = ballVy;
    if (paddle != null) {
      vx = -Integer.signum(ballVx) * Math.min(Math.abs(ballVx) + 1, BALL_MAX_VX);
      vy = returnVy(ball.y - paddle.y, ballVy);
    } else if ((ballVy < 0 && ball.touches(topWall)) || (ballVy > 0 && ball.touches(bottomWall))) {
      vy = -ballVy;
    }
    ballVx = vx;
    ballVy = vy;
    ball.x += vx;
    ball.y += vy;
    ballDx = vx;
    return 0;
  }

  /** The vertical speed after a paddle hit, by where the ball's top sits relative to the paddle's top. */
  static int returnVy(int offset, int vy) {
    if (offset <= 1) {
      return -4;
    }
    if (offset <= 5) {
      return -2;
    }
    if (offset <= 9) {
      return vy;
    }
    if (offset <= 13) {
      return 2;
    }
    return 4;
  }

  @Override
  public List<ObjectState> objects() {
    return List.of(player.state(), enemy.state(), ball.state(), topWall.state(), bottomWall.state(),
        leftZone.state(), rightZone.state(), enemyScoreBoard.state(Map.of("value", enemyScore)),
        playerScoreBoard.state(Map.of("value", playerScore)));
  }

  @Override
  public String goalAction(SplittableRandom random) {
    // Aim the paddle's centre at the ball's centre, braking early because the paddle coasts.
    int diff = (ball.y + 2) - (player.y + 8) - 2 * playerVy;
    if (diff < -3) {
      return random.nextBoolean() ? "UP" : "UPFIRE";
    }
    if (diff > 3) {
      return random.nextBoolean() ? "DOWN" : "DOWNFIRE";
    }
    return random.nextBoolean() ? "NOOP" : "FIRE";
  }
}
